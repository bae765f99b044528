// `server-only` outside Next's bundle (tsconfig.server.json): there, every module is server code already.
export {};
