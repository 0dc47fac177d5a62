import { useNavigate } from '@solidjs/router';
import { useMutation, useQueryClient } from '@tanstack/solid-query';
import { type ApiInputs, api } from '../api/client';
import { fieldErrors } from '../api/errors';
import { queryKeys } from '../api/queries';
import { retryUnanswered } from '../api/query-client';
import { clearCart } from '../cart/cart';
import { checkoutLines, type StoreCart } from '../cart/cart-summary';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import { Panel } from '../components/Panel';
import { SubmitButton } from '../components/SubmitButton';
import { formText } from '../lib/form';
import { createCheckoutAttempt } from './checkout-attempt';

type Shipping = ApiInputs['checkout']['place']['shipping'];

const SHIPPING_FIELDS: { name: keyof Shipping; label: string; autocomplete: string; type?: string }[] = [
  { name: 'name', label: 'Full name', autocomplete: 'name' },
  { name: 'phone', label: 'Phone', autocomplete: 'tel', type: 'tel' },
  { name: 'addressLine', label: 'Street address', autocomplete: 'street-address' },
  { name: 'city', label: 'City', autocomplete: 'address-level2' },
  { name: 'postalCode', label: 'Postal code', autocomplete: 'postal-code' },
];

export function CheckoutForm(props: { groups: StoreCart[]; buyerName: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const attempt = createCheckoutAttempt();
  const place = useMutation(() => ({
    mutationFn: (input: ApiInputs['checkout']['place']) => api.checkout.place.mutate(input),
    retry: retryUnanswered,
    onSuccess: ({ orders }) => {
      clearCart();
      void queryClient.invalidateQueries({ queryKey: queryKeys.myOrders });
      navigate(`/checkout/confirmation?orders=${orders.map((order) => order.orderNumber).join(',')}`);
    },
  }));
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    if (place.isPending) return;
    const form = event.currentTarget;
    const shipping = Object.fromEntries(SHIPPING_FIELDS.map(({ name }) => [name, formText(form, name)])) as Shipping;
    const order = { lines: checkoutLines(props.groups), shipping };
    place.mutate({ idempotencyKey: attempt.keyFor(order), ...order });
  };
  return (
    <Panel heading="Shipping address">
      <form class="form" onSubmit={onSubmit} novalidate>
        <ErrorMessage error={place.error} fieldsShownInline />
        {SHIPPING_FIELDS.map((field) => (
          <FormField
            label={field.label}
            name={field.name}
            type={field.type ?? 'text'}
            autocomplete={field.autocomplete}
            value={field.name === 'name' ? props.buyerName : ''}
            required
            error={fieldErrors(place.error)[`shipping.${field.name}`]}
          />
        ))}
        <SubmitButton pending={place.isPending} label="Place order" pendingLabel="Placing your order…" />
      </form>
    </Panel>
  );
}
