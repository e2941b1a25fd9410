import { Button, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@web/api/api-error';
import { formatBytes } from '@web/lib/date-time';
import { useUploadDocument } from './api';

/** The API's default per-file limit (qualification.maxDocumentBytes); a larger limit is still the server's to refuse. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.tif,.tiff,.webp,application/pdf,image/jpeg,image/png,image/tiff,image/webp';
const EXTENSIONS = /\.(pdf|ofd|jpe?g|png|tiff?|webp)$/i;

interface UploadForm {
  title: string;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * One document at a time: a title and a file (PDF, OFD or an image), sent as base64 JSON. Size and
 * type are checked here first; the server judges the content and its refusal shows next to the field.
 */
export function DocumentUpload({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(applicationId);
  const [form] = Form.useForm<UploadForm>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const fileProblem = (f: File | null): string | null => {
    if (!f) return t('features.bidder.detail.fileRequired');
    if (!EXTENSIONS.test(f.name)) return t('features.bidder.detail.fileType', { name: f.name });
    if (f.size > MAX_BYTES) return t('features.bidder.detail.fileTooLarge', { size: formatBytes(f.size), max: formatBytes(MAX_BYTES) });
    return null;
  };

  const submit = async (values: UploadForm) => {
    setDone(null);
    const problem = fileProblem(file);
    if (problem || !file) return setFileError(problem);
    try {
      const document = await upload.mutateAsync({ title: values.title.trim(), fileName: file.name, contentBase64: await toBase64(file) });
      setDone(t('features.bidder.detail.uploaded', { name: document.fileName }));
      form.resetFields();
      setFile(null);
      setFileError(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      if (fields.title) form.setFields([{ name: 'title', errors: [fields.title] }]);
      // The file's own problems (content, size, count, name) belong next to the file.
      else setFileError(fields.contentBase64 ?? fields.fileName ?? message);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} className="upload-form">
      <Form.Item name="title" label={t('features.bidder.detail.documentTitle')} extra={t('features.bidder.detail.documentTitleHelp')} rules={[{ required: true, whitespace: true, message: t('features.bidder.detail.titleRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      {/* Not a named form field: antd would drive the file input's value, which only the user may set. */}
      <Form.Item
        label={t('features.bidder.detail.file')}
        htmlFor={`${applicationId}-file`}
        validateStatus={fileError ? 'error' : undefined}
        help={fileError ? <span role="alert">{fileError}</span> : undefined}
        extra={t('features.bidder.detail.fileHelp', { max: formatBytes(MAX_BYTES) })}
      >
        <input
          id={`${applicationId}-file`}
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setDone(null);
            setFileError(chosen ? fileProblem(chosen) : null);
          }}
        />
      </Form.Item>
      {file ? <p className="file-chosen">{`${file.name} · ${formatBytes(file.size)}`}</p> : null}
      <Button htmlType="submit" type="primary" loading={upload.isPending}>
        {t('features.bidder.detail.upload')}
      </Button>
      {done ? (
        <p role="status" className="code-hint ok">
          {done}
        </p>
      ) : null}
    </Form>
  );
}
