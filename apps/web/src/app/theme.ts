import type { ThemeConfig } from 'antd';

/** A sober government-portal look: 中国红 as the primary colour, system CJK fonts (nothing from a CDN). */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#a31515',
    borderRadius: 4,
    // antd's default secondary greys (45% black) fail WCAG AA contrast on white and on #f5f5f5.
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#7f1212', headerPadding: '0 24px', footerBg: '#f5f5f5' },
    Menu: { darkItemBg: '#7f1212', darkItemSelectedBg: '#a31515', darkPopupBg: '#7f1212' },
  },
};
