import { useRoutes, type RouteObject } from 'react-router-dom';
import { BoardPage } from './board.page';
import { ConsoleLayout, RoleGate } from './console-layout';
import { InventoryImportPage } from './inventory-import.page';
import { ConsoleLoginPage } from './login.page';
import { OrderDetailPage } from './order-detail.page';
import { ReportsPage } from './reports.page';
import { ReviewsPage } from './reviews.page';

/** The staff console's routes, all under /console (absolute paths, so they also work nested). */
export const consoleRoutes: RouteObject[] = [
  { path: '/console/login', element: <ConsoleLoginPage /> },
  {
    path: '/console',
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <BoardPage /> },
      { path: 'orders/:orderId', element: <OrderDetailPage /> },
      {
        path: 'reviews/:submissionId?',
        element: (
          <RoleGate roles={['reviewer', 'admin']}>
            <ReviewsPage />
          </RoleGate>
        ),
      },
      {
        path: 'reports',
        element: (
          <RoleGate roles={['sales', 'admin']}>
            <ReportsPage />
          </RoleGate>
        ),
      },
      {
        path: 'inventory',
        element: (
          <RoleGate roles={['admin']}>
            <InventoryImportPage />
          </RoleGate>
        ),
      },
    ],
  },
];

/** The console for a `<Route path="/console/*" element={<ConsoleRoot />} />` in a declarative router. */
export function ConsoleRoot() {
  return useRoutes(consoleRoutes);
}
