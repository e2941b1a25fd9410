import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useAuth, type RoleName } from '@web/app/auth/auth-context';

/** A section's pages for its roles; anybody else gets "no access" and none of the page's requests. */
export function RequireRole({ roles }: { roles: readonly RoleName[] }) {
  const auth = useAuth();
  if (!roles.some((r) => auth.hasRole(r))) return <ForbiddenPage />;
  return <Outlet />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('features.console.shell.forbiddenTitle')}</h1>}
      subTitle={t('features.console.shell.forbiddenBody')}
      data-testid="console-forbidden"
    />
  );
}
