/** motion's DOM animation features, split into their own chunk and loaded after first paint. */
export { domAnimation as default } from 'motion/react';
