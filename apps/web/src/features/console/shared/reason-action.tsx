import { Alert, Button, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@web/api/api-error';

export interface ReasonActionProps {
  /** The button's text, also the dialog's title unless `title` is given. */
  label: ReactNode;
  title?: ReactNode;
  /** What the dialog says above the reason (what will happen). */
  description?: ReactNode;
  /** Extra form items shown above the reason (e.g. the new increment); their values come with it. */
  fields?: ReactNode;
  minLength?: number;
  buttonProps?: ButtonProps;
  /** Runs the action; a thrown ApiError is shown in the dialog (at its field when it names one). */
  onSubmit(values: { reason: string } & Record<string, unknown>): Promise<unknown>;
}

/**
 * A console action that needs a reason on record (freeze, resume, disable an account, resolve a
 * line…): a button, then a dialog asking for the reason. Nothing is sent without one.
 */
export function ReasonAction({ label, title, description, fields, minLength = 2, buttonProps, onSubmit }: ReasonActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string } & Record<string, unknown>>();

  const submit = async (values: { reason: string } & Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ ...values, reason: values.reason.trim() });
      setOpen(false);
      form.resetFields();
    } catch (err) {
      if (err instanceof ApiError && err.field && form.getFieldInstance(err.field)) form.setFields([{ name: err.field, errors: [err.message] }]);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={t('features.console.shell.confirm')}
        cancelText={t('features.console.shell.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        destroyOnHidden
      >
        {description ? <p>{description}</p> : null}
        {error ? <Alert type="error" showIcon role="alert" title={error} className="form-alert" /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          {fields}
          <Form.Item
            name="reason"
            label={t('features.console.shell.reason')}
            rules={[
              { required: true, whitespace: true, message: t('features.console.shell.reasonRequired') },
              { min: minLength, message: t('features.console.shell.reasonTooShort', { min: minLength }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
