package io.luxtensor.api.graphql;

import io.luxtensor.execution.system.MetagraphContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.SubnetRegistryContract;
import io.luxtensor.state.StateReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A subnet as one request sees it: its record and the state it was read from, which its other fields read too, so
 * that every field answers at the same block. The methods read state: call them on a worker.
 */
record SubnetView(StateReader state, SubnetRegistryContract.Subnet subnet) {

  int neuronCount() {
    return NeuronsContract.neuronCount(state, subnet.netuid());
  }

  long lastEpoch() {
    return MetagraphContract.lastEpoch(state, subnet.netuid());
  }

  BigInteger pendingEmission() {
    return MetagraphContract.pendingEmission(state, subnet.netuid());
  }

  List<NeuronView> neurons() {
    return NeuronsContract.neurons(state, subnet.netuid()).stream().map(n -> NeuronView.read(state, n)).toList();
  }

  Optional<NeuronView> neuron(int uid) {
    return NeuronsContract.find(state, subnet.netuid(), uid).map(n -> NeuronView.read(state, n));
  }
}
