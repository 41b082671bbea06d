/* The floor for every ratio of scripts/bench: the cost of starting a process that does nothing.
   Built static (cc -O2 -static) so that not even the dynamic loader runs. */
int main(void) { return 0; }
