import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webDir = path.dirname(fileURLToPath(import.meta.url));

// The root `npm run build` runs this config from the repository root, so every path is
// anchored to web/ rather than to the working directory.
export default defineConfig({
  root: webDir,
  publicDir: path.join(webDir, "public"),
  plugins: [react()],
  build: {
    outDir: path.join(webDir, "dist"),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2_000,
  },
  server: {
    // The API server (npm start) owns 5173; the dev server proxies /api to it.
    port: 5174,
    host: "127.0.0.1",
    proxy: { "/api": { target: process.env.KG_API_URL ?? "http://127.0.0.1:5173", changeOrigin: true } },
  },
  worker: { format: "es" },
});
