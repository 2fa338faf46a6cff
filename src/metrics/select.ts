// selectKth: puts the k-th smallest element of a Float64Array range in its sorted place, with
// everything before it <= it <= everything after (Hoare partition around a median of three,
// expected O(n)). d3-array's quickselect does the same for any array through a comparator
// callback; on the 10^6-latency arrays of a big run that callback was most of the report's cost.
// NaN is never stored in a latency array, so plain numeric comparison is enough.

export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    // Median of three as the pivot keeps sorted or reversed input linear.
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[left..j] <= pivot <= a[i..right], and a[j+1..i-1] == pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
