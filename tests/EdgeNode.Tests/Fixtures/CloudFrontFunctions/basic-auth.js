// viewer-request (cloudfront-js-2.0): HTTP Basic authentication with Buffer.
const expected = 'Basic ' + Buffer.from('admin:secret').toString('base64');
async function handler(event) {
  const auth = event.request.headers.authorization;
  if (!auth || auth.value !== expected) {
    return { statusCode: 401, statusDescription: 'Unauthorized', headers: { 'www-authenticate': { value: 'Basic realm="edge"' } } };
  }
  return event.request;
}
