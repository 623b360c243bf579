/** Program types: context layouts, their test_run setup, and running one packet. */
export * from './ctx-fields';
export * from './xdp';
export * from './skb';
export * from './test-run';
