// viewer-request (cloudfront-js-2.0): requests with X-Backend: second, or from FR, go to the second origin.
import cf from 'cloudfront';
function handler(event) {
  const h = event.request.headers;
  if ((h['x-backend'] && h['x-backend'].value === 'second') || (h['cloudfront-viewer-country'] && h['cloudfront-viewer-country'].value === 'FR')) {
    cf.selectRequestOriginById('second');
  }
  return event.request;
}
