import { Card, Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '@web/app/auth/auth-context';
import { sectionsFor } from './sections';
import { ConsolePage } from './shared/console-page';

/** The console's first page: who is signed in, in which posts, and a card per section they may use. */
export function ConsoleHomePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const account = auth.account;
  if (!account) return null;
  return (
    <ConsolePage title={t('features.console.shell.welcome', { name: account.displayName })}>
      <p>
        {account.roles.map((r) => (
          <Tag key={r} color="blue">
            {t(`features.console.shell.role.${r}`)}
          </Tag>
        ))}
      </p>
      <p className="console-muted">{t('features.console.shell.welcomeBody')}</p>
      <Row gutter={[16, 16]}>
        {sectionsFor(account.roles).map((s) => (
          <Col key={s.key} xs={24} md={12} xl={8}>
            <Card title={<h2 className="card-title">{t(s.label as never)}</h2>} size="small">
              <ul className="console-home-links">
                {s.menu.map((m) => (
                  <li key={m.path}>
                    <Link to={m.path ? `/console/${s.key}/${m.path}` : `/console/${s.key}`}>{t(m.label as never)}</Link>
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
        ))}
      </Row>
    </ConsolePage>
  );
}
