// Stands in for the 'server-only' guard outside a Next.js server build.
export {};
