import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '@web/app/auth/auth-context';
import './bidder.css';

const LINKS = [
  { to: '/bidder/applications', label: 'features.bidder.nav.applications' },
  { to: '/bidder/notifications', label: 'features.bidder.nav.notifications' },
  { to: '/bidder/results', label: 'features.bidder.nav.results' },
  { to: '/bidder/account', label: 'features.bidder.nav.account' },
] as const;

/** The signed-in bidder's pages: a sub-navigation above them; without a session, the login page first. */
export function BidderLayout() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  if (auth.restoring) return <Spin className="page-spin" />;
  if (!auth.account) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <div className="bidder-area">
      <nav aria-label={t('features.bidder.nav.label')} className="bidder-nav">
        {LINKS.map((l) => (
          <NavLink key={l.to} to={l.to} className={({ isActive }) => (isActive ? 'bidder-nav-link active' : 'bidder-nav-link')}>
            {t(l.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
