/** Flags of `ktl proxy`. */
export interface ProxyFlags {
  port: string;
  address: string;
  acceptHosts: string;
  acceptPaths: string;
  rejectPaths: string;
  rejectMethods: string;
  apiPrefix: string;
  disableFilter?: boolean;
  unixSocket?: string;
  www?: string;
  wwwPrefix: string;
  appendServerPath?: boolean;
  keepalive: string;
}
