'use strict';

// The load runs' function: read the uri, add a header.
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  request.headers['x-seen-uri'] = [{ key: 'X-Seen-Uri', value: request.uri }];
  callback(null, request);
};
