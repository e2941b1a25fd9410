import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { useAuth } from '@web/app/auth/auth-context';
import { useRegister, type RegisterInput } from './api';
import { hintOf, IdentityCodeHintText, useCodeRule } from './identity-code-hint';
import './bidder.css';

type Kind = RegisterInput['kind'];

interface RegisterForm {
  kind: Kind;
  name: string;
  creditCode?: string;
  idNumber?: string;
  legalRepresentative?: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  address: string;
  username: string;
  password: string;
  confirmPassword: string;
}

const FIELDS: ReadonlyArray<keyof RegisterForm> = ['kind', 'name', 'creditCode', 'idNumber', 'legalRepresentative', 'contactName', 'contactPhone', 'contactEmail', 'address', 'username', 'password'];

/**
 * Self-registration of a bidder: a company or organization by its unified social credit code, a person
 * by the resident ID number. The 18th character is checked as the user types (the same algorithm the
 * server uses); whatever the server refuses shows next to its field, in the UI language.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const auth = useAuth();
  const register = useRegister();
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'company';
  const creditCode = Form.useWatch('creditCode', form);
  const idNumber = Form.useWatch('idNumber', form);
  const person = kind === 'person';
  const usccRule = useCodeRule('uscc');
  const idRule = useCodeRule('residentId');
  const required = (field: string) => [{ required: true, whitespace: true, message: t('features.bidder.register.required', { field }) }];

  const submit = async (values: RegisterForm) => {
    setError(null);
    const body: RegisterInput = {
      kind: values.kind,
      name: values.name.trim(),
      ...(person ? { idNumber: values.idNumber?.trim() } : { creditCode: values.creditCode?.trim() }),
      // A person represents itself: the API's legal representative is the person's own name.
      legalRepresentative: (person ? values.name : (values.legalRepresentative ?? '')).trim(),
      contactName: values.contactName.trim(),
      contactPhone: values.contactPhone.trim(),
      contactEmail: values.contactEmail?.trim() || undefined,
      address: values.address.trim(),
      username: values.username.trim(),
      password: values.password,
    };
    try {
      await register.mutateAsync(body);
      await auth.login(body.username, body.password);
      void navigate('/bidder/applications', { replace: true, state: { notice: t('features.bidder.register.done') } });
    } catch (err) {
      if (!(err instanceof ApiError)) return setError(String(err));
      // The server's message next to the field it names; anything else above the form.
      const named = Object.entries(err.fieldErrors()).filter(([f]) => (FIELDS as readonly string[]).includes(f));
      if (named.length > 0) form.setFields(named.map(([name, message]) => ({ name: name as keyof RegisterForm, errors: [message] })));
      else setError(err.message);
    }
  };

  const nameLabel = t(`features.bidder.register.name.${kind}`);
  return (
    <div className="bidder-form-page">
      <Card title={<h1 className="card-title">{t('features.bidder.register.title')}</h1>}>
        <p>{t('features.bidder.register.intro')}</p>
        {error ? <Alert type="error" showIcon title={error} className="form-alert" role="alert" /> : null}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'company' }} scrollToFirstError>
          <fieldset className="form-group">
            <legend>{t('features.bidder.register.identity')}</legend>
            <Form.Item name="kind" label={t('features.bidder.register.kind')}>
              <Radio.Group
                optionType="button"
                options={(['company', 'organization', 'person'] as const).map((k) => ({ value: k, label: t(`features.bidder.register.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="name" label={nameLabel} rules={required(nameLabel)}>
              <Input autoComplete={person ? 'name' : 'organization'} maxLength={200} />
            </Form.Item>
            {person ? (
              <Form.Item
                name="idNumber"
                label={t('features.bidder.register.idNumber')}
                tooltip={t('features.bidder.register.idNumberHelp')}
                rules={[...required(t('features.bidder.register.idNumber')), idRule]}
                validateTrigger="onBlur"
                extra={<IdentityCodeHintText hint={hintOf('residentId', idNumber)} />}
              >
                <Input maxLength={24} autoComplete="off" spellCheck={false} />
              </Form.Item>
            ) : (
              <Form.Item
                name="creditCode"
                label={t('features.bidder.register.creditCode')}
                tooltip={t('features.bidder.register.creditCodeHelp')}
                rules={[...required(t('features.bidder.register.creditCode')), usccRule]}
                validateTrigger="onBlur"
                extra={<IdentityCodeHintText hint={hintOf('uscc', creditCode)} />}
              >
                <Input maxLength={24} autoComplete="off" spellCheck={false} />
              </Form.Item>
            )}
            {person ? null : (
              <Form.Item name="legalRepresentative" label={t('features.bidder.register.legalRepresentative')} rules={required(t('features.bidder.register.legalRepresentative'))}>
                <Input maxLength={100} />
              </Form.Item>
            )}
          </fieldset>
          <fieldset className="form-group">
            <legend>{t('features.bidder.register.contact')}</legend>
            <Form.Item name="contactName" label={t('features.bidder.register.contactName')} rules={required(t('features.bidder.register.contactName'))}>
              <Input autoComplete="name" maxLength={100} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('features.bidder.register.contactPhone')} rules={required(t('features.bidder.register.contactPhone'))}>
              <Input type="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
            <Form.Item name="contactEmail" label={t('features.bidder.register.contactEmail')}>
              <Input type="email" autoComplete="email" maxLength={200} />
            </Form.Item>
            <Form.Item name="address" label={t('features.bidder.register.address')} rules={required(t('features.bidder.register.address'))}>
              <Input autoComplete="street-address" maxLength={300} />
            </Form.Item>
          </fieldset>
          <fieldset className="form-group">
            <legend>{t('features.bidder.register.account')}</legend>
            <Form.Item name="username" label={t('features.bidder.register.username')} extra={t('features.bidder.register.usernameHelp')} rules={required(t('features.bidder.register.username'))}>
              <Input autoComplete="username" maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label={t('features.bidder.register.password')} extra={t('features.bidder.register.passwordHelp')} rules={required(t('features.bidder.register.password'))}>
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('features.bidder.register.confirmPassword')}
              dependencies={['password']}
              rules={[
                ...required(t('features.bidder.register.confirmPassword')),
                ({ getFieldValue }) => ({
                  validator: async (_: unknown, value: string | undefined) => {
                    if (value && value !== getFieldValue('password')) throw new Error(t('features.bidder.register.passwordsDiffer'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
          </fieldset>
          <Button type="primary" htmlType="submit" loading={register.isPending} block size="large">
            {t('features.bidder.register.submit')}
          </Button>
          <p className="form-foot">
            {t('features.bidder.register.haveAccount')} <Link to="/login">{t('features.bidder.register.login')}</Link>
          </p>
        </Form>
      </Card>
    </div>
  );
}
