import rule from '../../../../src/core/rules/http/range-content-range';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '206 with Content-Range', status: 206, headers: { 'Content-Range': 'bytes 0-1023/8192' } },
    { name: 'lower-case header name', status: 206, headers: { 'content-range': 'bytes 0-1/2' } },
    {
      name: 'multipart/byteranges with parameters and odd case',
      status: 206,
      headers: { 'Content-Type': 'Multipart/ByteRanges; boundary=THIS_STRING' },
    },
    { name: '416 with Content-Range', status: 416, headers: { 'Content-Range': 'bytes */8192' } },
    { name: '200 without Content-Range', status: 200 },
  ],
  invalid: [
    {
      name: '206 video without Content-Range',
      status: 206,
      headers: { 'Content-Type': 'video/mp4' },
      findings: [{ severity: 'error', message: ['206', 'video/mp4', 'no Content-Range'] }],
    },
    {
      name: '206 without any Content-Type',
      status: 206,
      findings: [{ severity: 'error', message: ['206', 'no Content-Type'] }],
    },
    {
      name: '206 with an empty Content-Range',
      status: 206,
      headers: { 'Content-Range': '  ', 'Content-Type': 'application/octet-stream' },
      findings: [{ severity: 'error', message: 'application/octet-stream' }],
    },
    {
      name: '416 without Content-Range is a warning',
      status: 416,
      findings: [{ severity: 'warning', message: ['416', 'Content-Range'] }],
    },
  ],
});
