import { A } from '@solidjs/router';
import { PageHeading } from '../components/PageHeading';

export default function NotFoundPage() {
  return (
    <>
      <PageHeading text="Page not found" />
      <p>
        There is nothing at this address. <A href="/">Go to the shop</A>.
      </p>
    </>
  );
}
