import { render } from 'solid-js/web';

function App() {
  return <main><h1>Order tracking</h1></main>;
}

render(() => <App />, document.getElementById('root')!);
