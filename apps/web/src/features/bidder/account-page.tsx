import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { useAuth } from '@web/app/auth/auth-context';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { useChangePassword, useMyBidder } from './api';
import { QueryState } from '@web/components/query-state';
import { ToneTag } from './status-tag';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
}

/** The bidder's own record (as registered; a resident ID masked), the login account, password change and logout. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const me = useMyBidder();
  const logout = async () => {
    await auth.logout();
    void navigate('/', { replace: true });
  };
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.account.title')}</h1>
      <Panel id="profile" title={t('features.bidder.account.profile')}>
        <QueryState query={me}>
          {(b) => (
            <dl className="field-list">
              <dt>{t('features.bidder.register.kind')}</dt>
              <dd>{t(`features.bidder.register.kinds.${b.kind}`)}</dd>
              <dt>{t(`features.bidder.register.name.${b.kind}`)}</dt>
              <dd>{b.name}</dd>
              <dt>{b.creditCode ? t('features.bidder.register.creditCode') : t('features.bidder.register.idNumber')}</dt>
              <dd>{b.creditCode ?? b.idNumber}</dd>
              {b.kind === 'person' ? null : (
                <>
                  <dt>{t('features.bidder.register.legalRepresentative')}</dt>
                  <dd>{b.legalRepresentative}</dd>
                </>
              )}
              <dt>{t('features.bidder.register.contactName')}</dt>
              <dd>{b.contactName}</dd>
              <dt>{t('features.bidder.register.contactPhone')}</dt>
              <dd>{b.contactPhone}</dd>
              {b.contactEmail ? (
                <>
                  <dt>{t('features.bidder.register.contactEmail')}</dt>
                  <dd>{b.contactEmail}</dd>
                </>
              ) : null}
              <dt>{t('features.bidder.register.address')}</dt>
              <dd>{b.address}</dd>
              <dt>{t('features.bidder.account.registeredAt')}</dt>
              <dd>{formatDateTime(b.createdAt, i18n.language)}</dd>
            </dl>
          )}
        </QueryState>
      </Panel>
      <Panel id="login-account" title={t('features.bidder.account.login')}>
        <dl className="field-list">
          <dt>{t('features.bidder.account.username')}</dt>
          <dd>{auth.account?.username}</dd>
          <dt>{t('features.bidder.account.roles')}</dt>
          <dd>
            {auth.account?.roles.map((r) => (
              <ToneTag key={r}>{r}</ToneTag>
            ))}
          </dd>
        </dl>
        <Button onClick={() => void logout()}>{t('features.bidder.account.logout')}</Button>
      </Panel>
      <ChangePassword />
    </div>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: PasswordForm) => {
    setError(null);
    try {
      await change.mutateAsync(values);
      // Every session of the account ended on the server: this one too.
      await auth.logout();
      void navigate('/login', { replace: true, state: { from: '/bidder/account', notice: t('features.bidder.account.passwordChanged') } });
    } catch (err) {
      if (!(err instanceof ApiError)) return setError(String(err));
      const fields = Object.entries(err.fieldErrors()).filter(([f]) => f === 'currentPassword' || f === 'newPassword');
      if (fields.length) form.setFields(fields.map(([name, message]) => ({ name: name as keyof PasswordForm, errors: [message] })));
      else setError(err.message);
    }
  };
  return (
    <Panel id="password" title={t('features.bidder.account.password')}>
      {error ? <Alert type="error" showIcon role="alert" className="form-alert" title={error} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} className="password-form">
        <Form.Item name="currentPassword" label={t('features.bidder.account.currentPassword')} rules={[{ required: true, message: t('features.bidder.register.required', { field: t('features.bidder.account.currentPassword') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('features.bidder.account.newPassword')}
          extra={t('features.bidder.register.passwordHelp')}
          rules={[{ required: true, message: t('features.bidder.register.required', { field: t('features.bidder.account.newPassword') }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('features.bidder.account.changePassword')}
        </Button>
      </Form>
    </Panel>
  );
}
