import { Button, Layout, Menu, Result, Spin, type MenuProps } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { isStaff, useAuth } from '@web/app/auth/auth-context';
import { sectionsFor } from './sections';
import './console.css';

const href = (section: string, path: string) => (path ? `/console/${section}/${path}` : `/console/${section}`);

/** The longest menu entry the current path lies under is the selected one. */
function selectedKey(pathname: string, keys: string[]): string | undefined {
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The console: a menu of the sections the account's roles may use (nothing else is listed), and the
 * page. Without a session, the login page first; a bidder is sent to the bidder area.
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const roles = useMemo(() => auth.account?.roles ?? [], [auth.account]);
  const sections = useMemo(() => sectionsFor(roles), [roles]);

  if (auth.restoring) return <Spin className="page-spin" />;
  if (!auth.account) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!isStaff(roles))
    return (
      <Result
        status="403"
        title={<h1 className="result-title">{t('features.console.shell.notStaffTitle')}</h1>}
        subTitle={t('features.console.shell.notStaffBody')}
        extra={
          <Link to="/bidder">
            <Button type="primary">{t('features.console.shell.toBidder')}</Button>
          </Link>
        }
      />
    );

  const items: MenuProps['items'] = sections.map((s) => ({
    type: 'group',
    key: s.key,
    label: t(s.label as never),
    children: s.menu.map((m) => ({ key: href(s.key, m.path), label: <Link to={href(s.key, m.path)}>{t(m.label as never)}</Link> })),
  }));
  const keys = sections.flatMap((s) => s.menu.map((m) => href(s.key, m.path)));
  const selected = selectedKey(location.pathname, keys);

  return (
    <Layout className="console-layout">
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={0} theme="light" className="console-sider">
        <nav aria-label={t('features.console.shell.menu')}>
          <Link to="/console" className="console-home-link">
            {t('features.console.shell.title')}
          </Link>
          <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} className="console-menu" data-testid="console-menu" />
        </nav>
      </Layout.Sider>
      <Layout.Content className="console-content">
        <Suspense fallback={<Spin className="page-spin" />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
