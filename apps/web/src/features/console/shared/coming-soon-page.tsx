import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A section's page before it is built. */
export function ComingSoonPage() {
  const { t } = useTranslation();
  return <Result status="info" title={<h1 className="result-title">{t('features.console.shell.comingSoon')}</h1>} />;
}
