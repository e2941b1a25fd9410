import { Button, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { UnreadBadge } from '@web/components/unread-badge';
import { isStaff, useAuth } from '../auth/auth-context';
import { changeLanguage } from '../i18n/i18n';

/** Top-level navigation: the public portal's sections, then one entry per other audience (features/*). */
const NAV = [
  { to: '/', label: 'features.portal.nav.home' },
  { to: '/notices', label: 'features.portal.nav.notices', also: ['/announcements'] },
  { to: '/results', label: 'features.portal.nav.results', also: ['/lots/*/result'] },
  { to: '/statistics', label: 'features.portal.nav.statistics' },
  { to: '/bidder', label: 'nav.bidder', for: 'others' },
  { to: '/room', label: 'nav.room', for: 'others' },
  { to: '/console', label: 'nav.console', for: 'staff' },
] as const;

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
/** A pattern with "*" matches one path segment there (the result page of any lot). */
const matches = (pathname: string, pattern: string) => (pattern.includes('*') ? new RegExp(`^${pattern.replace('*', '[^/]+')}$`).test(pathname) : under(pathname, pattern));

/** The portal's home owns every path no other entry does (/lots/…). */
function activeNav(pathname: string): string {
  const entry = NAV.find((n) => n.to !== '/' && [n.to, ...('also' in n ? n.also : [])].some((p) => matches(pathname, p)));
  return entry?.to ?? (pathname === '/login' ? '' : '/');
}

/**
 * The shell: header (name, navigation, language, session), content, footer. Built from plain links and
 * a few light Ant Design parts: the shell is in every page's first load, so it stays small (no Menu,
 * Drawer or Dropdown, which would bring their popup machinery along).
 */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const auth = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const english = i18n.language === 'en-US';
  // Staff see their console; the public and bidders the bidder area and the room.
  const staff = isStaff(auth.account?.roles ?? []);

  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-long">{t('app.name')}</span>
          <span className="brand-short">{t('app.shortName')}</span>
        </Link>
        <button type="button" className="nav-toggle" aria-expanded={menuOpen} aria-controls="app-nav" onClick={() => setMenuOpen((v) => !v)}>
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">{t('nav.menu')}</span>
        </button>
        <nav id="app-nav" aria-label={t('nav.menu')} className={menuOpen ? 'app-nav open' : 'app-nav'}>
          {NAV.filter((n) => !('for' in n) || (n.for === 'staff') === staff).map((n) => {
            const active = activeNav(location.pathname) === n.to;
            return (
              <Link key={n.to} to={n.to} onClick={() => setMenuOpen(false)} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
                {t(n.label)}
              </Link>
            );
          })}
        </nav>
        <div className="app-header-tools">
          <button
            type="button"
            className="lang-button"
            lang={english ? 'zh-CN' : 'en'}
            aria-label={`${t('lang.label')}: ${english ? t('lang.zh') : t('lang.en')}`}
            onClick={() => void changeLanguage(english ? 'zh-CN' : 'en-US')}
          >
            {english ? '中文' : 'English'}
          </button>
          {auth.account ? (
            <>
              {auth.hasRole('bidder') ? <UnreadBadge /> : null}
              <span className="account-name" title={t('auth.signedInAs', { name: auth.account.displayName })}>
                {auth.account.displayName}
              </span>
              <Button size="small" ghost onClick={() => void auth.logout()}>
                {t('auth.logout')}
              </Button>
            </>
          ) : (
            <Button size="small" ghost onClick={() => void navigate('/login', { state: { from: location.pathname } })}>
              {t('auth.login')}
            </Button>
          )}
        </div>
      </Layout.Header>
      <Layout.Content id="main" className={under(location.pathname, '/console') ? 'app-content app-content-wide' : 'app-content'} tabIndex={-1}>
        <Suspense fallback={<Spin className="page-spin" />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
