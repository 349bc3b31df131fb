// Adjacent citations read as one: `<Cite k="a" /> <Cite k="b" />` renders
// "(Carlsmith 2023; Hubinger 2022)" rather than "(Carlsmith 2023) (Hubinger 2022)". Each citation in
// a run separated only by spaces gets `group="first" | "middle" | "last"`; Cite.astro then draws
// one pair of brackets around the run and a semicolon between its members.
const isCite = (n) => n?.type === 'mdxJsxTextElement' && n.name === 'Cite' && !n.attributes.some((a) => a.name === 'bare' || a.name === 'group');
const isSpace = (n) => n?.type === 'text' && /^[ \t]*$/.test(n.value);

export default function remarkCiteGroups() {
  const walk = (node) => {
    const kids = node.children;
    if (!kids) return;
    for (let i = 0; i < kids.length; i++) {
      if (!isCite(kids[i])) continue;
      const run = [i];
      let j = i + 1;
      while (isCite(kids[j]) || (isSpace(kids[j]) && isCite(kids[j + 1]))) {
        if (isCite(kids[j])) run.push(j);
        j++;
      }
      if (run.length < 2) continue;
      run.forEach((k, n) => kids[k].attributes.push({ type: 'mdxJsxAttribute', name: 'group', value: n === 0 ? 'first' : n === run.length - 1 ? 'last' : 'middle' }));
      // Drop the spaces between them: the semicolons stand in for them.
      const members = run.map((k) => kids[k]);
      kids.splice(i, j - i, ...members);
      i += members.length - 1;
    }
    kids.forEach(walk);
  };
  return walk;
}
