import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useAuth } from '@web/app/auth/auth-context';

/** /bidder: a signed-in bidder goes on to its applications; anybody else is offered login or registration. */
export function BidderHomePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  if (auth.restoring) return <Spin className="page-spin" />;
  if (auth.account?.roles.includes('bidder')) return <Navigate to="/bidder/applications" replace />;
  return (
    <Result
      status="info"
      title={<h1 className="result-title">{t('features.bidder.home.title')}</h1>}
      subTitle={auth.account ? t('features.bidder.home.notBidder') : t('features.bidder.home.intro')}
      extra={
        auth.account ? null : (
          <>
            <Button type="primary" onClick={() => void navigate('/login', { state: { from: '/bidder' } })}>
              {t('features.bidder.home.login')}
            </Button>
            <Button onClick={() => void navigate('/bidder/register')}>{t('features.bidder.home.register')}</Button>
          </>
        )
      }
    />
  );
}
