import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session';

/** Route guard: signed-out customers are sent to the login page and brought back after. */
export function RequireCustomer({ children }: { children: ReactNode }) {
  const { signedIn } = useSession('customer');
  const location = useLocation();
  if (signedIn) return <>{children}</>;
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return <Navigate to={`/login?next=${next}`} replace />;
}
