// jstat 1.9.6 ships no types: the one function splitsim uses (compare's t quantile), nothing more.
declare module "jstat" {
  const jstat: {
    jStat: {
      studentt: {
        /** The p-quantile of Student's t with `dof` degrees of freedom. */
        inv(p: number, dof: number): number;
      };
    };
  };
  export default jstat;
}
