// HTML conformance for every built page (tests/site/html-validity.test.ts): html-validate's
// recommended and document rules. Each change to them says why. Unlike the Nu Html Checker it replaced
// (which needs Java), it does not check CSS, the SVG and MathML schemas, attribute microsyntaxes
// (URLs, dates, language tags, srcset) or ARIA role names; axe (browser tests) checks the ARIA.
export default {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // SRI guards files served by another origin; the site loads only its own (the browser tests fail on any other request).
    'require-sri': ['error', { target: 'crossorigin' }],
    // An <svg> chart's implicit role (graphics-document) takes a name, as ARIA in HTML allows; Plot names its charts so.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // Controls and outputs belong to their widget (URL ?WIDGET.PARAM), not to a form: two widgets on a page may share a name.
    'form-dup-name': 'off',
  },
};
