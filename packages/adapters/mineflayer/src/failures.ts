import { reasons as coreReasons, type FailureReason } from '@sid/core';

export { checkCount, checkName, checkPosition, failure, formatPosition as fmt, success } from '@sid/core';

/**
 * The core's failure reasons (same codes and wording as the headless world) plus the two only a
 * real-server connection has.
 */
export const reasons = {
  ...coreReasons,
  notConnected: (): FailureReason => ({
    code: 'error',
    message: 'not connected to the Minecraft server (reconnecting); try again shortly',
  }),
  /**
   * The embedded flying-squid server cannot open containers: its window packet is malformed for 1.21,
   * after which the server sends that bot nothing more (no chat, no inventory updates).
   */
  noContainersOnTestServer: (what: string): FailureReason => ({
    code: 'not_supported',
    message: `the embedded test server (flying-squid) has no working ${what}; use a real server, or server-assisted crafting for smelting`,
  }),
};
