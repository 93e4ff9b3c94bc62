'use strict';

// Origin-request: tags API requests for the origin, and counts invocations in module scope
// (which survives between invocations of a warm isolate, as on Lambda).
let invocations = 0;

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  invocations += 1;
  request.headers['x-invocations'] = [{ key: 'X-Invocations', value: String(invocations) }];
  return request;
};
