import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '@web/components/placeholder-page';

export function BidderHomePage() {
  const { t } = useTranslation();
  return <PlaceholderPage title={t('nav.bidder')} />;
}
