// Judges a JSON Resume read from standard input with @jsonresume/schema's own validate (its JSON Schema, formats included).
// Usage: node validate-resume.cjs <folder of the @jsonresume/schema package> < resume.json
// Prints "valid", or the schema's errors and exits with 1.
'use strict';
const { validate } = require(process.argv[2]);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  validate(JSON.parse(input), (errors, valid) => {
    if (!valid) {
      console.log(errors.map((e) => `${e.property}: ${e.message}`).join('\n'));
      process.exit(1);
    }
    console.log('valid');
  });
});
