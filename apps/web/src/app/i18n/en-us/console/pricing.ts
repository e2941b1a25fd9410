import type { ConsolePricingMessages } from '../../zh-cn/console/pricing';

/** English: console section /console/pricing. */
export const consolePricingEnUS: ConsolePricingMessages = {
  title: 'Pricing committee',
};
