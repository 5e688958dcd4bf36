// A MinIO stand-in: answers like MinIO where Hangar looks (Server: MinIO header, S3 XML errors,
// /minio/health/live) and logs MinIO's startup banner. It stores nothing.
import { createServer } from 'node:http';

const bucket = process.env.LAB_BUCKET ?? 'uploads';
const user = process.env.MINIO_ROOT_USER ?? 'minioadmin';
const xml = (code, message, resource) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
  `<Resource>${resource}</Resource><RequestId>18A0B1C2D3E4F5A6</RequestId><HostId>dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8</HostId></Error>`;

function handler(req, res) {
  const url = new URL(req.url ?? '/', 'http://minio');
  const headers = { Server: 'MinIO', 'Content-Type': 'application/xml', 'X-Amz-Request-Id': '18A0B1C2D3E4F5A6' };
  if (url.pathname === '/minio/health/live' || url.pathname === '/minio/health/ready') {
    res.writeHead(200, { Server: 'MinIO' }).end();
    return;
  }
  const [first, ...rest] = url.pathname.split('/').filter(Boolean);
  let status = 403;
  let body = xml('AccessDenied', 'Access Denied.', url.pathname);
  if (first && first !== bucket) [status, body] = [404, xml('NoSuchBucket', 'The specified bucket does not exist', url.pathname)];
  else if (first && rest.length > 0) [status, body] = [404, xml('NoSuchKey', 'The specified key does not exist.', url.pathname)];
  res.writeHead(status, headers).end(body);
}

for (const port of [9000, 9090]) createServer(handler).listen(port);
console.log(`MinIO Object Storage Server\nCopyright: 2015-2025 MinIO, Inc.\nLicense: GNU AGPLv3 - https://www.gnu.org/licenses/agpl-3.0.html
Version: RELEASE.2025-04-22T22-12-26Z (go1.24.2 linux/amd64)\n\nAPI: http://172.18.0.2:9000  http://127.0.0.1:9000\n   RootUser: ${user}\n   RootPass: [hidden]\n
WebUI: http://172.18.0.2:9090 http://127.0.0.1:9090\n\nDocs: https://docs.min.io`);
process.on('SIGTERM', () => process.exit(0));
