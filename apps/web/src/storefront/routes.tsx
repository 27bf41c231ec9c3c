import type { RouteObject } from 'react-router-dom';
import { LoginPage } from '../auth/login.page';
import { RegisterPage } from '../auth/register.page';
import { RequireCustomer } from '../auth/require-customer';
import { NumberPage } from './number.page';
import { OrderPage } from './order.page';
import { OrdersPage } from './orders.page';
import { ServicesPage } from './services.page';
import { StorefrontLayout } from './storefront-layout';
import './storefront.css';

/**
 * The storefront after search: login/registration, a number, its order, my orders and my
 * numbers. The pages behind login send a signed-out visitor to /login and back.
 */
export const storefrontRoutes: RouteObject[] = [
  {
    element: <StorefrontLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/numbers/:number', element: <NumberPage /> },
      {
        path: '/orders',
        element: (
          <RequireCustomer>
            <OrdersPage />
          </RequireCustomer>
        ),
      },
      {
        path: '/orders/:id',
        element: (
          <RequireCustomer>
            <OrderPage />
          </RequireCustomer>
        ),
      },
      {
        path: '/services',
        element: (
          <RequireCustomer>
            <ServicesPage />
          </RequireCustomer>
        ),
      },
    ],
  },
];
