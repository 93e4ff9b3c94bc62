// viewer-request (cloudfront-js-2.0): A/B weights from the function's key-value store.
import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const request = event.request;
  const weights = await kvs.get('weights', { format: 'json' });
  const roll = Number(request.headers['x-roll'] ? request.headers['x-roll'].value : Math.random());
  const group = roll < weights.a ? 'a' : 'b';
  request.uri = '/echo/' + group + request.uri.replace(/^\/echo/, '');
  return request;
}
