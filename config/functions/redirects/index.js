'use strict';

// Viewer-request: permanent redirects for moved pages, answered at the edge without reaching the origin.
const redirects = {
  '/old-page': '/about.html',
  '/home': '/',
};

exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  const target = redirects[request.uri];
  if (target) {
    callback(null, {
      status: '301',
      statusDescription: 'Moved Permanently',
      headers: {
        location: [{ key: 'Location', value: target }],
        'cache-control': [{ key: 'Cache-Control', value: 'max-age=3600' }],
      },
    });
    return;
  }
  callback(null, request);
};
