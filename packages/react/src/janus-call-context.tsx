import { type ReactNode, createContext, useContext } from 'react';
import { type UseJanusCallOptions, type UseJanusCallResult, useJanusCall } from './use-janus-call.js';

const JanusCallContext = createContext<UseJanusCallResult | null>(null);
JanusCallContext.displayName = 'JanusCallContext';

export interface JanusCallProviderProps extends UseJanusCallOptions {
  children?: ReactNode;
}

/** One client shared by the tree below; its props are `useJanusCall`'s options. */
export function JanusCallProvider({ children, ...options }: JanusCallProviderProps) {
  const value = useJanusCall(options);
  return <JanusCallContext.Provider value={value}>{children}</JanusCallContext.Provider>;
}

/** The nearest `<JanusCallProvider>`'s client: the same object `useJanusCall` returns. */
export function useJanusCallContext(): UseJanusCallResult {
  const value = useContext(JanusCallContext);
  if (!value) throw new Error('useJanusCallContext() must be called inside a <JanusCallProvider>');
  return value;
}
