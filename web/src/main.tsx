import { render } from 'solid-js/web';
import { App } from './App';
// Noto Color Emoji, served from our own origin, for the product pictures on devices without an emoji font.
import '@fontsource/noto-color-emoji';
import './styles.css';

render(() => <App />, document.getElementById('root')!);
