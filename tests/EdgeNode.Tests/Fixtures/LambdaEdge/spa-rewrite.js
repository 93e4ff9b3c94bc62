'use strict';
// Single-page app: every path without a file extension is served by /index.html.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!/\.[a-zA-Z0-9]+$/.test(request.uri)) {
    request.uri = '/echo/index.html';
  }
  return request;
};
