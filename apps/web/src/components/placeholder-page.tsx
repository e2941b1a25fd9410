import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page of an audience whose screens are not built yet. */
export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={<h1 className="result-title">{title}</h1>} subTitle={t('common.comingSoon')} />;
}
