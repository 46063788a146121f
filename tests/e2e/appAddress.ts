/** Where the browser tests serve the built app; PW_PORT moves it when 4173 is taken. */
export const APP_PORT = Number(process.env['PW_PORT'] ?? 4173);
export const APP_URL = `http://127.0.0.1:${APP_PORT}/`;
