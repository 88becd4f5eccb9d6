// Stands in for Node's fs in the plugin bundle: gray-matter only needs it for matter.read(), never used here.
export default {};
