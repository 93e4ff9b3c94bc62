'use strict';
// origin-request: mobile viewers get the mobile pages.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const mobile = request.headers['cloudfront-is-mobile-viewer'];
  if (mobile && mobile[0].value === 'true') {
    request.uri = '/echo/mobile' + request.uri.replace(/^\/echo/, '');
  }
  return request;
};
