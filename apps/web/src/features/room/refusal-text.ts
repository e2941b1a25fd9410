import { useTranslation } from 'react-i18next';

/**
 * A socket refusal code in words, in the UI language (the socket's own messages are English): the
 * codes of README's catalogue (libs/bidding/src/realtime/refusal-codes.ts); an unknown code falls back
 * to the server's message.
 */
export function useRefusalText() {
  const { t } = useTranslation();
  return (code: string, message?: string): string => {
    const text = t(`features.room.codes.${code}` as 'features.room.codes.TRY_AGAIN', { defaultValue: '' }) as string;
    return t('features.room.mine.reason', { text: text || message || code, code });
  };
}
