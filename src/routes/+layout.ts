// The whole app is a static, client-rendered page: the map needs the browser.
export const ssr = false;
export const prerender = true;
