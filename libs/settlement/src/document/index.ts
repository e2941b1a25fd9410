/** The confirmation PDF (成交确认书): finding a CJK font (reads the file system) and rendering with pdfkit. */
export * from './cjk-font';
export * from './confirmation-pdf';
