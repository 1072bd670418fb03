/** @type {import('next').NextConfig} */
const nextConfig = {
  // The e2e suite builds into its own folder so it never clobbers the app a developer is running.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3'],
  poweredByHeader: false,
};

export default nextConfig;
