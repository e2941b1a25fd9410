import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { isStaff, useAuth } from './auth-context';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { from, notice } = (location.state as { from?: string; notice?: string } | null) ?? {};

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const me = await auth.login(values.username, values.password);
      // Back where the user came from; otherwise staff to the console, a bidder to their own area.
      void navigate(from ?? (isStaff(me.roles) ? '/console' : me.roles.includes('bidder') ? '/bidder' : '/'), { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        // The server's message next to the field it names; anything else above the form.
        const fields = err.fieldErrors();
        const named = Object.entries(fields).filter(([f]) => f === 'username' || f === 'password');
        if (named.length > 0) form.setFields(named.map(([name, message]) => ({ name: name as keyof LoginForm, errors: [message] })));
        else setError(err.message);
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow-page">
      <Card title={<h1 className="card-title">{t('auth.title')}</h1>}>
        {notice && !error ? <Alert type="success" showIcon title={notice} className="form-alert" role="status" /> : null}
        {error ? <Alert type="error" showIcon title={error} className="form-alert" role="alert" /> : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('auth.submit')}
          </Button>
          <p className="login-foot">
            {t('auth.noAccount')} <Link to="/bidder/register">{t('auth.registerBidder')}</Link>
          </p>
        </Form>
      </Card>
    </div>
  );
}

export default LoginPage;
